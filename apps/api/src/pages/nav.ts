import type { Principal } from '@csc/auth';

/** The service navigation for the user's roles; `current` marks the page they are on. */
export function nav(user: Principal, current: string) {
  const items: { href: string; text: string }[] = [];
  if (user.roles.includes('team-manager')) items.push({ href: '/app/queue', text: 'Overdue and due soon' });
  if (user.roles.includes('iro')) items.push({ href: '/app/due', text: 'My due dates' });
  if (user.roles.some((r) => ['auditor', 'team-manager', 'iro', 'recorder'].includes(r))) items.push({ href: '/app/cases', text: 'Find a case' });
  return items.map((item) => ({ ...item, active: item.href === current }));
}
