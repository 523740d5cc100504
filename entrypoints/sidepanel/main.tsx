import { render } from 'preact';
import { App } from '@/src/ui/App';
import '@/src/ui/panel.css';

render(<App />, document.getElementById('app')!);
