// Reads a JSON batch of captured webhook deliveries on stdin ([{name, secrets, headers,
// body}]) and verifies each with the JavaScript `standardwebhooks` (the Standard Webhooks
// reference library for TypeScript), once per secret: a receiver holding any one of the
// secrets must accept the delivery. Writes [{name, verified: [bool per secret], type,
// errors}] as JSON on stdout.
import { Webhook } from "standardwebhooks";

const input = await new Promise((resolve) => {
  const chunks = [];
  process.stdin.on("data", (c) => chunks.push(c));
  process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
});

const results = JSON.parse(input).map(({ name, secrets, headers, body }) => {
  const verified = [];
  const errors = [];
  let type = null;
  for (const secret of secrets) {
    try {
      type = new Webhook(secret).verify(body, headers).type;
      verified.push(true);
    } catch (error) {
      verified.push(false);
      errors.push(String(error.message || error));
    }
  }
  return { name, verified, type, errors };
});
process.stdout.write(JSON.stringify(results));
