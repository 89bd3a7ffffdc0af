/**
 * Wall-clock times in a named zone, with Intl (no clock read). Outlook and Exchange name zones
 * the Windows way ("Pacific Standard Time"); an invite that does not carry the VTIMEZONE for
 * its TZID is read through this table, else its IANA name.
 */
const WINDOWS: Record<string, string> = {
  'Dateline Standard Time': 'Etc/GMT+12', 'Hawaiian Standard Time': 'Pacific/Honolulu', 'Alaskan Standard Time': 'America/Anchorage',
  'Pacific Standard Time': 'America/Los_Angeles', 'US Mountain Standard Time': 'America/Phoenix', 'Mountain Standard Time': 'America/Denver',
  'Central Standard Time': 'America/Chicago', 'Eastern Standard Time': 'America/New_York', 'Atlantic Standard Time': 'America/Halifax',
  'Newfoundland Standard Time': 'America/St_Johns', 'E. South America Standard Time': 'America/Sao_Paulo', 'UTC': 'UTC',
  'GMT Standard Time': 'Europe/London', 'Greenwich Standard Time': 'Atlantic/Reykjavik', 'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris', 'Central Europe Standard Time': 'Europe/Budapest', 'Central European Standard Time': 'Europe/Warsaw',
  'E. Europe Standard Time': 'Europe/Chisinau', 'FLE Standard Time': 'Europe/Kiev', 'GTB Standard Time': 'Europe/Bucharest',
  'Israel Standard Time': 'Asia/Jerusalem', 'Russian Standard Time': 'Europe/Moscow', 'Arabian Standard Time': 'Asia/Dubai',
  'India Standard Time': 'Asia/Kolkata', 'China Standard Time': 'Asia/Shanghai', 'Singapore Standard Time': 'Asia/Singapore',
  'Tokyo Standard Time': 'Asia/Tokyo', 'Korea Standard Time': 'Asia/Seoul', 'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland', 'South Africa Standard Time': 'Africa/Johannesburg',
};

/** The IANA zone for a TZID as written (a Windows name, an IANA name, Outlook's quoted forms); undefined if unknown. */
export function ianaZone(tzid: string): string | undefined {
  const name = tzid.replace(/^"|"$/g, '').replace(/^\/(?:[^/]+\/){0,2}/, (m) => (m.split('/').length > 2 ? '' : m)).trim();
  const candidate = WINDOWS[name] ?? name;
  try {
    new Intl.DateTimeFormat('en', { timeZone: candidate });
    return candidate;
  } catch {
    return undefined;
  }
}

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock time of an instant in `zone`. */
export function wallIn(ms: number, zone: string): Wall {
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24, minute: Number(parts.minute) };
}

/** The instant a wall-clock time in `zone` names (the earlier one in a repeated hour). */
export function instantOf(w: Wall, zone: string): number {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  let ms = guess;
  for (let i = 0; i < 2; i++) {
    const seen = wallIn(ms, zone);
    ms -= Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute) - guess;
  }
  return ms;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const formatWall = (w: Wall) => `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
export const formatWallDay = (w: Wall) => `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
