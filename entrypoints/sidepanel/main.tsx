import { render } from 'preact';
import { App } from '@/src/ui/App';
import { createBackup, restoreBackup } from '@/src/backup/client';
import '@/src/ui/panel.css';

render(<App />, document.getElementById('app')!);

// The E2E build only: the panel's backup functions, for tests/e2e/resilience.test.ts to call as the panel will
// (their buttons come later). Dropped from the shipped build (MODE is 'production' there), like the background's.
if (import.meta.env.MODE === 'e2e')
  Object.assign(globalThis, { __ikametPanelTest: { createBackup, restoreBackup } });
