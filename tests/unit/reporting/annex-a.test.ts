import { shippedCalendar } from '@csc/calendar';
import { ANNEX_A_COLUMNS, annexA, annexACsv, caseRecordOf, parseAnnexAList } from '@csc/reporting';
import { record } from './council';
import { COUNCIL } from './synthetic-council';

const calendar = shippedCalendar();
const cases = [...record(COUNCIL).values()].map(caseRecordOf);
const asOf = '2026-09-30T12:00:00Z';
const blanks = (n: number) => Array.from({ length: n }, () => '');

describe('Ofsted Annex A of the synthetic council, as of 30 Sep 2026', () => {
  it('list 5: one row per s47 enquiry started in the six months before, ids and never names', () => {
    const { rows, columns } = annexA(5, cases, { asOf, calendar });
    expect(columns).toHaveLength(14);
    const row = (caseId: string, ...rest: string[]) => [caseId, ...blanks(5), ...rest, `team-${caseId}`, ''];
    expect(rows).toEqual([
      row('c-e', '20/05/2026', 'No', '04/06/2026', 'Yes', '0', '1'),
      row('c-f', '01/06/2026', 'No', '24/06/2026', 'No', '0', '1'),
      row('c-g', '01/07/2026', 'No', '', '', '0', '0'),
      row('c-h', '06/07/2026', 'Yes', '', '', '0', '0'),
      row('c-i', '01/09/2026', 'Unknown', '', '', '0', '0'),
      // The 2024 enquiry is outside the six months (and more than 12 months before this one).
      row('c-j', '10/06/2026', 'No', '19/06/2026', 'Yes', '0', '1'),
    ]);
  });

  it('list 7: plans open at the inspection or ended in the six months before', () => {
    const { rows } = annexA(7, cases, { asOf, calendar });
    const row = (caseId: string, ...rest: string[]) => [caseId, ...blanks(5), ...rest, `team-${caseId}`, ''];
    expect(rows).toEqual([
      row('c-e', '04/06/2026', 'a) Neglect', 'a) Neglect', '', '', '01/09/2026', '', '', '0'),
      row('c-j', '15/03/2024', 'b) Physical abuse', 'b) Physical abuse', '', '', '', '15/05/2026', '', '0'),
      row('c-j', '19/06/2026', 'd) Emotional abuse', 'd) Emotional abuse', '', '', '', '', '', '1'),
    ]);
  });

  it('list 8: children in care, with the last review, legal status, placements and the last missing episode', () => {
    const { rows, columns } = annexA(8, cases, { asOf, calendar });
    expect(rows.map((r) => r[0])).toEqual(['c-a', 'c-b', 'c-c', 'c-d']);
    const a = Object.fromEntries(columns.map((c, i) => [c, rows[0]?.[i]]));
    expect(a).toMatchObject({
      'Child Unique ID': 'c-a', 'Date Started to be Looked After': '30/03/2026',
      'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)': 'N',
      'Start date of current legal status': '01/05/2026', "Child's Legal Status": 'C2', 'Date of Latest Statutory Review': '20/07/2026',
      'Number of Placements in the Last 12 months': '2', 'Start Date of Most Recent Placement': '10/06/2026', 'Placement Type': 'U1',
      "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months": '2',
      "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months": '1',
      'Was the child offered a Return Interview after their last missing episode (Y/N)?': 'Y',
      'Did the child accept a Return Interview after their last missing episode (Y/N)?': 'N',
      'Allocated Team': 'team-c-a', Gender: '', Ethnicity: '', 'Date of Birth': '', 'Allocated Worker': '',
    });
    const d = Object.fromEntries(columns.map((c, i) => [c, rows[3]?.[i]]));
    // Held 14 Sep but recorded 2 Oct: not known at the inspection.
    expect(d['Date of Latest Statutory Review']).toBe('');
    expect(Object.fromEntries(columns.map((c, i) => [c, rows[1]?.[i]]))['Date of Latest Statutory Review']).toBe('06/05/2026');
  });

  it('CSV has exactly the section 4 columns as its header, CRLF lines, quoted where needed', () => {
    const csv = annexACsv(annexA(8, cases, { asOf, calendar }));
    const [header] = csv.split('\r\n');
    expect(header?.startsWith('Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N),')).toBe(true);
    expect(ANNEX_A_COLUMNS[8]).toHaveLength(34);
    expect(csv).toContain(`"Date of Last IRO Visit / Contact to the Child"`.replace(/"/g, ''));
    expect(csv.split('\r\n')).toHaveLength(6);
  });

  it('refuses a list it does not export, naming the field', () => {
    expect(() => parseAnnexAList('6')).toThrow(expect.objectContaining({ code: 'REPORT_INPUT_INVALID', field: 'list' }) as Error);
  });
});
