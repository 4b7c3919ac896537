import { AfterdeskChat } from './chat-element';

const TAG = 'afterdesk-chat';

if (!customElements.get(TAG)) customElements.define(TAG, AfterdeskChat);

// The one-tag embed: the script's own data- attributes configure a widget it adds to the page.
const script = document.currentScript;
if (script instanceof HTMLScriptElement && script.dataset.websocketUrl && !document.querySelector(TAG)) {
  const widget = document.createElement(TAG);
  for (const [key, value] of Object.entries(script.dataset))
    if (value !== undefined) widget.dataset[key] = value;
  const mount = () => document.body.append(widget);
  if (document.body) mount();
  else addEventListener('DOMContentLoaded', mount, { once: true });
}
