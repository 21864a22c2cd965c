import type { Principal } from '@csc/auth';

/** The service navigation for the user's roles; `current` marks the page they are on. */
export function nav(user: Principal, current: string) {
  const items: { href: string; text: string }[] = [];
  const has = (...roles: string[]) => user.roles.some((r) => roles.includes(r));
  if (has('team-manager')) items.push({ href: '/app/queue', text: 'Overdue and due soon' });
  if (has('iro')) items.push({ href: '/app/due', text: 'My due dates' });
  if (has('iro', 'team-manager')) items.push({ href: '/app/inbox', text: 'Alerts' });
  if (has('lado')) items.push({ href: '/app/lado', text: 'Open allegations' });
  if (has('auditor', 'team-manager', 'iro', 'recorder')) items.push({ href: '/app/cases', text: 'Find a case' });
  if (has('team-manager', 'auditor')) items.push({ href: '/app/reports/kpi', text: 'KPI report' });
  return items.map((item) => ({ ...item, active: item.href === current }));
}
