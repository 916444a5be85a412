/**
 * The Medius API for web and mobile front ends: openapi-fetch over the types that
 * openapi-typescript generates from openapi.json into ./schema.ts (`make client`).
 *
 * Every call is checked against the contract at compile time: the path, its parameters,
 * the body and both answers. `data` is the success body, `error` the problem+json body
 * (`Problem`), and `response` the raw fetch Response (status, ETag, ...).
 */
import createClient, { type Client, type ClientOptions } from "openapi-fetch";

import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

/** Every request and response model, by the name the contract gives it. */
export type Schemas = components["schemas"];
/** RFC 9457 problem details: every error answer of the API. */
export type Problem = Schemas["Problem"];
export type MediusClient = Client<paths>;

export interface MediusClientOptions extends ClientOptions {
  /** The bearer token, or a function that returns the current one (after a refresh). */
  accessToken?: string | (() => string | undefined | Promise<string | undefined>);
}

/** A client for the API at `baseUrl` (the origin, e.g. "https://api.example.com"). */
export function createMediusClient({
  accessToken,
  ...options
}: MediusClientOptions = {}): MediusClient {
  const client = createClient<paths>(options);
  if (accessToken !== undefined) {
    client.use({
      async onRequest({ request }) {
        const token = typeof accessToken === "function" ? await accessToken() : accessToken;
        if (token) request.headers.set("Authorization", `Bearer ${token}`);
        return request;
      },
    });
  }
  return client;
}
