// The demo's "signed-in shopper" switcher: a real storefront knows who is signed in; here you pick.
const CHOICE = 'afterdesk-demo-customer';
const select = document.getElementById('customer');
const widget = document.querySelector('afterdesk-chat');
const config = await (await fetch('/api/demo/config')).json();
for (const customer of config.customers) {
  select.append(new Option(`${customer.name} (${customer.language})`, customer.customerId));
}
const tokenUrl = (customerId) => `/api/demo/token?customer=${encodeURIComponent(customerId)}`;
const remembered = localStorage.getItem(CHOICE);
if (remembered && config.customers.some((customer) => customer.customerId === remembered)) {
  select.value = remembered;
  widget.dataset.tokenUrl = tokenUrl(remembered);
}
select.onchange = () => {
  localStorage.setItem(CHOICE, select.value);
  // A new token URL makes the widget start over with that shopper's own session and outbox.
  widget.dataset.tokenUrl = tokenUrl(select.value);
};
