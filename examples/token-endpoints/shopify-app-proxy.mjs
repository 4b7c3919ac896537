// A Shopify app proxy: the storefront calls /apps/afterdesk/token, Shopify forwards it here with
// `logged_in_customer_id` and a `signature` (HMAC-SHA256 of the sorted query, keyed with the app's secret).
// Use data-token-url="/apps/afterdesk/token" in the script tag. npm i express jose
import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';
import { SignJWT } from 'jose';

const SHOPIFY_APP_SECRET = process.env.SHOPIFY_APP_SECRET;
const secret = new TextEncoder().encode(process.env.AFTERDESK_SIGNING_SECRET);

function fromShopify(query) {
  const { signature = '', ...rest } = query;
  const message = Object.keys(rest)
    .sort()
    .map((key) => `${key}=${[].concat(rest[key]).join(',')}`)
    .join('');
  const expected = createHmac('sha256', SHOPIFY_APP_SECRET).update(message).digest();
  const given = Buffer.from(String(signature), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const app = express();
app.get('/token', async (req, res) => {
  if (!fromShopify(req.query)) return res.status(401).json({ error: 'bad proxy signature' });
  const customerId = req.query.logged_in_customer_id; // empty for guests
  if (!customerId) return res.status(401).json({ error: 'not signed in' });
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(customerId)) // the Shopify customer id: the same id the Shopify webhooks store
    .setIssuer('afterdesk-storefront')
    .setAudience('afterdesk-chat')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(secret);
  // App proxies pass the content type through; the widget reads JSON.
  res
    .set({ 'content-type': 'application/json', 'cache-control': 'no-store' })
    .send(JSON.stringify({ token }));
});
app.listen(3000);
