/** The figures as markdown tables, for a report kept in the notes' own repository. */
import type { ReportFigures, Spread } from './figures';

/** A table cell: pipes and line breaks would end it (a file name may hold either). */
const cell = (text: string | number) => String(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n\u2028\u2029]+/g, ' ');

function table(head: string[], rows: (string | number)[][]): string {
  const line = (r: (string | number)[]) => `| ${r.map(cell).join(' | ')} |`;
  return [line(head), `|${head.map((_, k) => (k === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map(line)].join('\n');
}

export const days = (n: number | null) => (n === null ? 'none yet' : `${Number.isInteger(n) ? n : n.toFixed(1)} day${n === 1 ? '' : 's'}`);
const spreadText = (s: Spread) => (s.count === 0 ? 'none yet' : `${days(s.median)} (median of ${s.count})`);
export const percent = (share: number | null) => (share === null ? 'no check-ins' : `${Math.round(share * 100)}%`);

export function reportMarkdown(f: ReportFigures): string {
  const parts: string[] = [`# Job search report, ${f.today}`, ''];
  parts.push(`${f.processes} process${f.processes === 1 ? '' : 'es'}, ${f.rounds_held} interview${f.rounds_held === 1 ? '' : 's'} held, ${f.check_ins} check-in${f.check_ins === 1 ? '' : 's'} sent.`, '');
  parts.push('## Where processes stand', '', table(['Status', 'Processes'], Object.entries(f.by_status).filter(([, n]) => n > 0)), '');
  parts.push('## Outcomes', '', table(['Outcome', 'Processes'], Object.entries(f.outcomes)), '');
  parts.push('## How far they got', '', table(['Rounds held', 'Processes'], [['1 or more', f.rounds_reached['1']], ['2 or more', f.rounds_reached['2']], ['3 or more', f.rounds_reached['3']]]), '');
  parts.push(`Days between rounds: ${spreadText(f.days_between_rounds)}.`, '');
  parts.push('## Thank-you notes', '', table(['Sent', 'Interviews'], [['same day', f.thank_you.same_day], ['next day', f.thank_you.next_day], ['2 or more days later', f.thank_you.later], ['none recorded', f.thank_you.none]]), '');
  if (f.replies) {
    const r = f.replies;
    parts.push('## Replies', '', table(['Figure', 'Value'], [
      ['replies recorded', r.recorded],
      ['time to hear back after an interview', spreadText(r.after_round)],
      ['time to hear back after a check-in', spreadText(r.after_check_in)],
      ['check-ins answered', `${r.check_ins_answered.answered} of ${r.check_ins_answered.of} (${percent(r.check_ins_answered.share)})`],
    ]), '');
  }
  if (f.weeks.length > 0) {
    parts.push('## Activity per week', '', table(['Week', 'Interviews', 'Thank-yous', 'Check-ins'], f.weeks.map((w) => [`${w.week} (${w.from})`, w.interviews, w.thank_yous, w.check_ins])), '');
  }
  if (f.left_out.length > 0) {
    parts.push('## Left out', '', 'These notes have errors to fix first (see `interview-followup check`):', '', ...f.left_out.map((file) => `- ${cell(file)}`), '');
  }
  return parts.join('\n');
}
