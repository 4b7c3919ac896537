// Node/Express: GET /afterdesk/token for the signed-in customer. npm i express jose
import express from 'express';
import { SignJWT } from 'jose';

// The value of the stack's SigningSecretArn secret (load it once at start, e.g. from Secrets Manager).
const secret = new TextEncoder().encode(process.env.AFTERDESK_SIGNING_SECRET);
const app = express();

app.get('/afterdesk/token', async (req, res) => {
  const customerId = req.session?.customerId; // your own session: never a query parameter
  if (!customerId) return res.status(401).json({ error: 'not signed in' });
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(customerId))
    .setIssuer('afterdesk-storefront')
    .setAudience('afterdesk-chat')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(secret);
  res.set('cache-control', 'no-store').json({ token });
});

app.listen(3000);
