import { render } from 'preact';
render(<p>Webhook Doctor</p>, document.getElementById('app')!);
