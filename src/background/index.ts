/** The background only wires; each concern is a sibling file, and all state lives in storage. */
import { registerBadge } from './badge';
import { registerEvidenceCapture } from './captureTriggers';
import { registerToolbar } from './panel';
import { registerReminders } from './reminders';
import { registerRouter } from './router';
import { registerTabs } from './tabs';

export function startBackground(): void {
  registerToolbar();
  registerRouter();
  registerTabs();
  registerBadge();
  registerReminders();
  registerEvidenceCapture();
}
