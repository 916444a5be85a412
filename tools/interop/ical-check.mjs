// Reads a JSON batch of calendar feeds on stdin ([{name, ics}]) and parses each with
// ical.js (Mozilla's parser, the one Thunderbird uses), writing what it understood as
// JSON on stdout: one entry per feed, with the components, every event's properties as
// ical.js decodes them, its start and end as instants (through the feed's own VTIMEZONE)
// and the problems a calendar app would trip on. It checks the RFC 5545 rules the
// parser leaves to the application: CRLF line ends and lines folded to 75 octets; a
// VCALENDAR with VERSION, PRODID and at least one component; every VEVENT with UID,
// DTSTAMP and DTSTART; every TZID defined in the feed.
import ICAL from "ical.js";

const input = await new Promise((resolve) => {
  const chunks = [];
  process.stdin.on("data", (c) => chunks.push(c));
  process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
});

const instant = (time) => (time ? time.toJSDate().toISOString() : null);
const local = (time) =>
  time
    ? {
        wall: time.toString(),
        tzid: time.zone && time.zone.tzid !== "floating" ? time.zone.tzid : null,
      }
    : null;

function check(ics) {
  const problems = [];
  // RFC 5545 3.1: content lines end in CRLF, folded to at most 75 octets.
  const lines = ics.split("\r\n");
  if (lines.pop() !== "") problems.push("the document does not end with CRLF");
  lines.forEach((line, index) => {
    if (line.includes("\n")) problems.push(`line ${index + 1} has a bare LF`);
    if (Buffer.byteLength(line, "utf8") > 75) problems.push(`line ${index + 1} is over 75 octets`);
  });
  const root = new ICAL.Component(ICAL.parse(ics));
  if (root.name !== "vcalendar") problems.push(`root is ${root.name}, not vcalendar`);
  for (const name of ["version", "prodid"]) {
    if (!root.hasProperty(name)) problems.push(`VCALENDAR without ${name.toUpperCase()}`);
  }
  if (root.getFirstPropertyValue("version") !== "2.0") problems.push("VERSION is not 2.0");
  const components = root.getAllSubcomponents();
  if (components.length === 0) problems.push("VCALENDAR without a component (RFC 5545 3.6)");
  // Zones are registered here, as a calendar app does, and released after the feed.
  const zones = root.getAllSubcomponents("vtimezone").map((vtz) => new ICAL.Timezone(vtz));
  zones.forEach((zone) => ICAL.TimezoneService.register(zone));
  const defined = new Set(zones.map((zone) => zone.tzid));
  try {
    const events = root.getAllSubcomponents("vevent").map((vevent) => {
      for (const name of ["uid", "dtstamp", "dtstart"]) {
        if (!vevent.hasProperty(name)) problems.push(`VEVENT without ${name.toUpperCase()}`);
      }
      for (const prop of vevent.getAllProperties()) {
        const tzid = prop.getParameter("tzid");
        if (tzid && !defined.has(tzid)) problems.push(`TZID ${tzid} has no VTIMEZONE`);
      }
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        sequence: vevent.getFirstPropertyValue("sequence"),
        dtstamp: instant(vevent.getFirstPropertyValue("dtstamp")),
        last_modified: instant(vevent.getFirstPropertyValue("last-modified")),
        summary: event.summary,
        description: event.description,
        start: instant(event.startDate),
        end: instant(event.endDate),
        local_start: local(event.startDate),
        alarms: vevent.getAllSubcomponents("valarm").map((alarm) => ({
          action: alarm.getFirstPropertyValue("action"),
          trigger_seconds: alarm.getFirstPropertyValue("trigger").toSeconds(),
        })),
      };
    });
    return {
      components: components.map((c) => c.name),
      method: root.getFirstPropertyValue("method"),
      events,
      problems,
    };
  } finally {
    zones.forEach((zone) => ICAL.TimezoneService.remove(zone.tzid));
  }
}

const results = JSON.parse(input).map(({ name, ics }) => {
  try {
    return { name, ...check(ics) };
  } catch (error) {
    return { name, error: String(error) };
  }
});
process.stdout.write(JSON.stringify(results));
