// Reads iCalendar files with Mozilla's ical.js (https://github.com/kewisch/ical.js), independently of ical4j, and
// prints what a calendar client would see, as one JSON array on stdout (one object per file, in argument order).
// Usage: node check.mjs FILE.ics [FILE.ics ...]. A file ical.js cannot parse gives {"file", "error"}; exit code 0.
// Times: "startUtc"/"endUtc" are computed by ical.js from the file's own VTIMEZONE (ISO-8601, UTC).
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

function param(prop, name) {
  const value = prop.getParameter(name);
  return value === null || value === undefined ? null : String(value);
}

function read(file) {
  const text = readFileSync(file, 'utf8');
  const root = new ICAL.Component(ICAL.parse(text));
  const timezones = root.getAllSubcomponents('vtimezone').map((vtz) => {
    const tz = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(tz);
    return tz.tzid;
  });
  const events = root.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = vevent.getFirstProperty('dtstart');
    const dtstamp = vevent.getFirstPropertyValue('dtstamp');
    const organizer = vevent.getFirstProperty('organizer');
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      status: vevent.getFirstPropertyValue('status'),
      dtstamp: dtstamp ? dtstamp.toString() : null,
      dtstampUtc: dtstamp ? dtstamp.isDate === false && dtstamp.zone === ICAL.Timezone.utcTimezone : false,
      startTzid: start ? param(start, 'tzid') : null,
      startUtc: event.startDate ? event.startDate.toJSDate().toISOString() : null,
      endUtc: event.endDate ? event.endDate.toJSDate().toISOString() : null,
      location: event.location,
      organizer: organizer ? organizer.getFirstValue() : null,
      attendees: vevent.getAllProperties('attendee').map((a) => ({
        value: a.getFirstValue(),
        rsvp: param(a, 'rsvp'),
        partstat: param(a, 'partstat'),
        role: param(a, 'role'),
        cn: param(a, 'cn'),
      })),
    };
  });
  return {
    file,
    method: root.getFirstPropertyValue('method'),
    version: root.getFirstPropertyValue('version'),
    prodid: root.getFirstPropertyValue('prodid'),
    timezones,
    events,
  };
}

const out = process.argv.slice(2).map((file) => {
  try {
    return read(file);
  } catch (e) {
    return { file, error: String(e && e.message ? e.message : e) };
  }
});
process.stdout.write(JSON.stringify(out));
