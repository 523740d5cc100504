/** The background only wires; each concern is a sibling file, and all state lives in storage. */
import { registerBadge } from './badge';
import { registerEvidenceCapture } from './capture';
import { registerPanelOpener } from './panel';
import { registerReminders } from './reminders';
import { registerRouter } from './router';
import { registerTabCleanup } from './tabs';

export function startBackground(): void {
  registerPanelOpener();
  registerRouter();
  registerTabCleanup();
  registerBadge();
  registerReminders();
  registerEvidenceCapture();
}
