/**
 * The client against a live server, as a front end uses it: sign up, sign in, build and
 * save a routine, log a session and retry it, sync, read progress, read a problem.
 *
 * MEDIUS_BASE_URL names the server (tests/client/test_typescript_client.py starts one and
 * runs this through scripts/client-ts.sh). The steps share one account and run in order.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, test } from "node:test";

import { createMediusClient, type MediusClient, type Problem, type Schemas } from "../src/index.js";

const baseUrl = process.env.MEDIUS_BASE_URL;
if (!baseUrl) throw new Error("set MEDIUS_BASE_URL to the server's origin, e.g. http://127.0.0.1:8000");
const email = `ts-client-${randomUUID().slice(0, 8)}@example.com`;
const password = "a long passphrase for the TypeScript client";
const sessionId = randomUUID();

function isProblem(value: unknown): asserts value is Problem {
  assert.ok(value && typeof value === "object", "a problem+json body");
  for (const field of ["type", "title", "status", "detail", "instance", "errors"]) {
    assert.ok(field in value, `the problem has "${field}"`);
  }
}

describe("the TypeScript client against a live server", { concurrency: false }, () => {
  let api: MediusClient;
  let me: MediusClient;
  let routineId: string;
  let sessionPage: Schemas["SyncPage_Union_SessionPublic__SessionTombstone__"];

  before(() => {
    api = createMediusClient({ baseUrl });
  });

  test("signs up and signs in", async () => {
    const created = await api.POST("/api/v1/auth/register", {
      body: { email, password, time_zone: "UTC" },
    });
    assert.equal(created.response.status, 201, JSON.stringify(created.error));
    assert.equal(created.data?.email, email);

    const signedIn = await api.POST("/api/v1/auth/token", {
      body: { username: email, password },
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    assert.equal(signedIn.response.status, 200, JSON.stringify(signedIn.error));
    const token = signedIn.data?.access_token;
    assert.ok(token, "an access token");
    me = createMediusClient({ baseUrl, accessToken: token });
  });

  test("builds a routine and saves the builder's answer", async () => {
    const built = await me.POST("/api/v1/routine-builder", {
      body: { level: "beginner", minutes: 15, equipment: [], affected_side: "right", weeks: 4 },
    });
    assert.equal(built.response.status, 200, JSON.stringify(built.error));
    assert.ok(built.data, "a builder answer");
    assert.equal(built.data.routine_id, null, "not saved by the builder (save: false)");
    assert.ok(built.data.items.length > 0);

    // The answer is a valid routine as it is: the contract's types say so at compile time.
    const saved = await me.POST("/api/v1/routines", { body: built.data });
    assert.equal(saved.response.status, 201, JSON.stringify(saved.error));
    assert.ok(saved.data);
    assert.deepEqual(
      saved.data.items.map((item) => item.exercise),
      built.data.items.map((item) => item.exercise),
    );
    routineId = saved.data.id;
  });

  test("logs a session with its own id, and a retry stores it once", async () => {
    const body: Schemas["SessionCreate"] = {
      id: sessionId,
      routine_id: routineId,
      started_at: "2026-11-20T07:30:00Z",
      ended_at: "2026-11-20T07:50:00Z",
      entries: [
        { exercise: "clamshell", set_number: 1, side: "right", reps: 12, hold_seconds: 3, pain: 1, effort: 6 },
        { exercise: "monster-walk", set_number: 1, steps: 20, load_band: "light", pain: 0, effort: 7 },
      ],
    };
    const first = await me.POST("/api/v1/sessions", { body });
    const retry = await me.POST("/api/v1/sessions", { body });
    assert.equal(first.response.status, 201, JSON.stringify(first.error));
    assert.equal(retry.response.status, 200, JSON.stringify(retry.error));
    assert.equal(first.data?.id, sessionId);
    assert.deepEqual(retry.data, first.data);
  });

  test("syncs with the sync token: one session, then nothing new", async () => {
    const first = await me.GET("/api/v1/sessions", { params: { query: { sync_token: "0" } } });
    assert.equal(first.response.status, 200, JSON.stringify(first.error));
    assert.ok(first.data);
    sessionPage = first.data;
    assert.equal(sessionPage.next_cursor, null);
    assert.deepEqual(
      sessionPage.items.map((item) => item.id),
      [sessionId],
    );
    const [only] = sessionPage.items;
    assert.ok(only && "entries" in only, "a session, not a tombstone");
    assert.equal(only.entries.length, 2);

    const token = sessionPage.sync_token;
    assert.ok(token, "a sync token to store");
    const next = await me.GET("/api/v1/sessions", { params: { query: { sync_token: token } } });
    assert.equal(next.response.status, 200, JSON.stringify(next.error));
    assert.deepEqual(next.data?.items, []);
  });

  test("reads progress", async () => {
    const progress = await me.GET("/api/v1/me/progress", {
      params: { query: { from: "2026-11-16", to: "2026-11-22", routine_id: routineId } },
    });
    assert.equal(progress.response.status, 200, JSON.stringify(progress.error));
    assert.ok(progress.data);
    assert.equal(progress.data.routine_id, routineId);
    assert.equal(
      progress.data.adherence.reduce((sum, week) => sum + week.sessions, 0),
      1,
    );
    const clamshell = progress.data.exercises.find((e) => e.exercise === "clamshell");
    assert.equal(clamshell?.total_reps, 12);
  });

  test("runs the README's example (examples/quickstart.ts)", async () => {
    await import("../examples/quickstart.js");
  });

  test("reads errors as typed problem+json", async () => {
    const missing = await me.GET("/api/v1/routines/{routine_id}", {
      params: { path: { routine_id: randomUUID() } },
    });
    assert.equal(missing.response.status, 404);
    assert.equal(missing.response.headers.get("content-type"), "application/problem+json");
    assert.equal(missing.data, undefined);
    isProblem(missing.error);
    const notFound: Problem = missing.error;
    assert.equal(notFound.status, 404);
    assert.equal(notFound.title, "Not Found");
    assert.match(notFound.type, /^https?:\/\//);
    assert.ok(notFound.detail.length > 0);

    const invalid = await me.POST("/api/v1/sessions", {
      body: {
        id: randomUUID(),
        started_at: "2026-11-21T07:30:00Z",
        entries: [{ exercise: "clamshell", set_number: 1, reps: 12, pain: 11, effort: 6 }],
      },
    });
    assert.equal(invalid.response.status, 422);
    isProblem(invalid.error);
    assert.equal(invalid.error.status, 422);
    assert.ok(
      invalid.error.errors.some((e) => e.loc.join(".") === "body.entries.0.pain"),
      JSON.stringify(invalid.error.errors),
    );
  });
});
