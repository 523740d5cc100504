// One line instead of a stack trace when what the Firefox suite needs is missing: Firefox ESR, and the X tools
// it runs under (Xvfb for a display, xdotool for the keyboard shortcut a real user would press).
import { existsSync } from 'node:fs';

const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const missing = [
  [path, 'firefox-esr'],
  ['/usr/bin/xvfb-run', 'xvfb'],
  ['/usr/bin/xdotool', 'xdotool'],
].filter(([file]) => !existsSync(file));
if (missing.length) {
  const pkgs = missing.map(([, pkg]) => pkg).join(' ');
  console.error(`Missing for the Firefox suite: ${pkgs}. Install with: sudo apt-get install -y ${pkgs}`);
  process.exit(1);
}
