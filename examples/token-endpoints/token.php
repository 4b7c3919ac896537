<?php
// PHP: /afterdesk/token for the signed-in customer, HS256 without libraries.
session_start();
header('Content-Type: application/json');
header('Cache-Control: no-store');

$customerId = $_SESSION['customer_id'] ?? null; // your own session: never a request parameter
if (!$customerId) {
    http_response_code(401);
    echo json_encode(['error' => 'not signed in']);
    exit;
}

function b64url(string $bytes): string {
    return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
}

$secret = getenv('AFTERDESK_SIGNING_SECRET'); // the value of the stack's SigningSecretArn secret
$now = time();
$header = b64url(json_encode(['alg' => 'HS256', 'typ' => 'JWT']));
$claims = b64url(json_encode([
    'sub' => (string) $customerId,
    'iss' => 'afterdesk-storefront',
    'aud' => 'afterdesk-chat',
    'iat' => $now,
    'exp' => $now + 3600,
]));
$signature = b64url(hash_hmac('sha256', "$header.$claims", $secret, true));
echo json_encode(['token' => "$header.$claims.$signature"]);
