/** Shopify webhook bodies in the Admin REST shape Shopify delivers (fields trimmed to what matters here). */
export function shopifyOrderPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 5_512_345_678_901,
    name: '#1042',
    email: 'mia@example.com',
    contact_email: 'mia@example.com',
    created_at: '2026-12-01T09:15:00+01:00',
    updated_at: '2026-12-01T09:15:02+01:00',
    cancelled_at: null,
    currency: 'EUR',
    financial_status: 'paid',
    fulfillment_status: null,
    total_price: '59.90',
    customer: { id: 7_123_456_789, email: 'mia@example.com' },
    shipping_address: { country_code: 'DE', city: 'Berlin' },
    billing_address: { country_code: 'DE' },
    line_items: [
      {
        id: 1,
        sku: 'TEE-BLK-M',
        variant_id: 44,
        title: 'Linen tee',
        name: 'Linen tee - M / Black',
        quantity: 2,
        price: '29.95',
      },
    ],
    fulfillments: [],
    ...overrides,
  };
}

export function shopifyFulfillmentPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 4_400_000_001,
    order_id: 5_512_345_678_901,
    name: '#1042.1',
    status: 'success',
    created_at: '2026-12-02T10:00:00+01:00',
    updated_at: '2026-12-02T10:00:00+01:00',
    tracking_company: 'DHL Express',
    tracking_number: 'JD014600006281230000',
    tracking_numbers: ['JD014600006281230000'],
    tracking_url: 'https://www.dhl.com/track?id=JD014600006281230000',
    shipment_status: 'in_transit',
    line_items: [],
    ...overrides,
  };
}
