// The minimal demo client of the chat protocol (docs/protocol.md); the storefront widget replaces it.
const log = document.getElementById('log');
const status = document.getElementById('status');
const select = document.getElementById('customer');
const form = document.getElementById('form');
const input = document.getElementById('text');
let socket;
let cursor = 0;

function show(role, text) {
  const div = document.createElement('div');
  div.className = `msg ${role}`;
  div.textContent = text;
  log.append(div);
}

async function connect(customerId) {
  socket?.close();
  log.replaceChildren();
  cursor = 0;
  const { token } = await (await fetch(`/api/demo/token?customer=${encodeURIComponent(customerId)}`)).json();
  const key = `afterdesk-session-${customerId}`;
  const session = localStorage.getItem(key);
  const url = new URL(config.websocketUrl);
  url.searchParams.set('token', token);
  if (session) url.searchParams.set('session', session);
  socket = new WebSocket(url);
  socket.onopen = () => {
    status.textContent = 'connected';
    socket.send(JSON.stringify({ action: 'resume', cursor }));
  };
  socket.onclose = () => {
    status.textContent = 'disconnected';
  };
  socket.onmessage = (frame) => {
    const event = JSON.parse(frame.data);
    if (event.type === 'ack') localStorage.setItem(key, event.sessionId);
    if (event.type === 'message' && event.cursor > cursor) {
      cursor = event.cursor;
      show(event.role === 'shopper' ? 'shopper' : 'assistant', event.text);
    }
    if (event.type === 'ack' && event.cursor > cursor) cursor = event.cursor;
    if (event.type === 'error') show('error', event.message);
  };
}

const config = await (await fetch('/api/demo/config')).json();
for (const customer of config.customers) {
  select.append(new Option(`${customer.name} (${customer.language})`, customer.customerId));
}
select.onchange = () => connect(select.value);
form.onsubmit = (submit) => {
  submit.preventDefault();
  const text = input.value.trim();
  if (!text || socket?.readyState !== WebSocket.OPEN) return;
  socket.send(JSON.stringify({ action: 'sendMessage', clientMessageId: crypto.randomUUID(), text }));
  show('shopper', text);
  input.value = '';
};
await connect(select.value);
