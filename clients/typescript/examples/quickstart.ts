import { randomUUID } from "node:crypto";

import { createMediusClient } from "../src/index.js";

const baseUrl = process.env.MEDIUS_BASE_URL ?? "http://127.0.0.1:8000";
const email = `ada-${randomUUID().slice(0, 8)}@example.com`;
const password = "a long passphrase";

const api = createMediusClient({ baseUrl });
await api.POST("/api/v1/auth/register", { body: { email, password } });
const signIn = await api.POST("/api/v1/auth/token", {
  body: { username: email, password },
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});
if (!signIn.data) throw new Error(`sign-in: ${signIn.error?.detail}`);
const me = createMediusClient({ baseUrl, accessToken: signIn.data.access_token });

const plan = await me.POST("/api/v1/routine-builder", { body: { level: "beginner", minutes: 15 } });
if (!plan.data) throw new Error(`builder: ${plan.error?.detail}`);
const saved = await me.POST("/api/v1/routines", { body: plan.data }); // the answer as it is
if (!saved.data) throw new Error(`save: ${saved.error?.detail}`);

const log = {
  id: randomUUID(), // chosen here, so a retry after a lost answer cannot log it twice
  routine_id: saved.data.id,
  started_at: new Date().toISOString(),
  entries: [{ exercise: "monster-walk", set_number: 1, steps: 20, pain: 0, effort: 6 }],
};
for (const expected of [201, 200]) {
  const { response } = await me.POST("/api/v1/sessions", { body: log });
  if (response.status !== expected) throw new Error(`session: ${response.status}`);
}

const changes = await me.GET("/api/v1/sessions", { params: { query: { sync_token: "0" } } });
console.log(changes.data?.items.length, "change(s); next time send", changes.data?.sync_token);
const progress = await me.GET("/api/v1/me/progress");
console.log(progress.data?.exercises.map((e) => [e.exercise, e.sessions]));

const missing = await me.GET("/api/v1/routines/{routine_id}", {
  params: { path: { routine_id: randomUUID() } },
});
console.log(missing.error?.status, missing.error?.type, missing.error?.detail); // a typed Problem
