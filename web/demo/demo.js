// The demo's "signed-in shopper" switcher: a real storefront knows who is signed in; here you pick.
const CHOICE = 'afterdesk-demo-customer';
const select = document.getElementById('customer');
const widget = document.querySelector('afterdesk-chat');
const config = await (await fetch('/api/demo/config')).json();
for (const customer of config.customers) {
  select.append(new Option(`${customer.name} (${customer.language})`, customer.customerId));
}
// Not signed in: the widget asks for an order number and its email (data-guest-url).
const GUEST = 'guest';
select.append(new Option('Guest (not signed in)', GUEST));
const tokenUrl = (customerId) => `/api/demo/token?customer=${encodeURIComponent(customerId)}`;
const choose = (choice) => {
  // A new token URL makes the widget start over with that shopper's own session and outbox.
  if (choice === GUEST) delete widget.dataset.tokenUrl;
  else widget.dataset.tokenUrl = tokenUrl(choice);
};
const remembered = localStorage.getItem(CHOICE);
if (
  remembered &&
  (remembered === GUEST || config.customers.some((customer) => customer.customerId === remembered))
) {
  select.value = remembered;
  choose(remembered);
}
select.onchange = () => {
  localStorage.setItem(CHOICE, select.value);
  choose(select.value);
};
