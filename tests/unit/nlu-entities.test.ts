import { describe, expect, it } from 'vitest';
import { extractEntities, wantedSize } from '../../functions/core/nlu/entities';

const orderIds = (text: string) => extractEntities(text).orderIds.map((entity) => entity.orderId);
const heights = (text: string) => extractEntities(text).heights.map((entity) => entity.cm);
const weights = (text: string) => extractEntities(text).weights.map((entity) => entity.kg);

describe('extractEntities', () => {
  it('extracts order ids and normalises heights and weights', () => {
    expect(orderIds('where is order a1001?')).toEqual(['A1001']);
    expect(orderIds('status of #A1002 please')).toEqual(['A1002']);
    expect(orderIds('ORD-12345 and ORD-12345 again')).toEqual(['ORD-12345']);
    expect(heights('I am 180cm and 75 kg')).toEqual([180]);
    expect(weights('I am 180cm and 75 kg')).toEqual([75]);
  });

  it('takes a bare number as an order id only when it is introduced as one', () => {
    expect(orderIds('my order 1234 has not arrived')).toEqual(['1234']);
    expect(orderIds('pedido nº 5521')).toEqual(['5521']);
    expect(orderIds('订单号 88231 在哪')).toEqual(['88231']);
    expect(orderIds('주문번호 A1001은 어디 있어요')).toEqual(['A1001']);
    expect(orderIds('I bought it in 2024')).toEqual([]);
    expect(orderIds('call me at +34 612 345 678')).toEqual([]);
    expect(orderIds('it arrived 2024-05-01, the piano 1234 too')).toEqual([]);
  });

  it('keeps measures, sizes and product names out of order ids', () => {
    expect(orderIds('I am 180cm, 75kg, EU42, iPhone 15 and PS5')).toEqual([]);
  });

  it('converts feet and inches, metres, pounds and jin', () => {
    expect(heights("I'm 5'11\" and 160 lbs")).toEqual([180]);
    expect(weights("I'm 5'11\" and 160 lbs")).toEqual([72.6]);
    expect(heights('5 ft 11, 170 pounds')).toEqual([180]);
    expect(heights('mido 1,75 y peso 70kg')).toEqual([175]);
    expect(heights('je mesure 1m80')).toEqual([180]);
    expect(heights('ich bin 1,80 m groß und wiege 80 kg')).toEqual([180]);
    expect(extractEntities('身高175体重120斤')).toMatchObject({
      heights: [{ cm: 175 }],
      weights: [{ kg: 60 }],
    });
    expect(extractEntities('키 175에 몸무게 70')).toMatchObject({
      heights: [{ cm: 175 }],
      weights: [{ kg: 70 }],
    });
  });

  it('rejects heights and weights no person has', () => {
    expect(heights('a 30 cm box')).toEqual([]);
    expect(weights('it weighs 900 kg')).toEqual([]);
  });

  it('reads sizes with and without a sizing system', () => {
    expect(extractEntities('US 9 or UK 8?').sizes.map(({ system, value }) => `${system}:${value}`)).toEqual([
      'US:9',
      'UK:8',
    ]);
    expect(extractEntities('size EU 42').sizes).toMatchObject([{ system: 'EU', value: '42' }]);
    expect(extractEntities('talla m por favor').sizes).toMatchObject([{ system: 'letter', value: 'M' }]);
    expect(extractEntities('我适合M还是L').sizes.map((size) => size.value)).toEqual(['M', 'L']);
    expect(extractEntities('42码').sizes).toMatchObject([{ system: 'number', value: '42' }]);
  });

  it('finds emails and which of several things the shopper picks', () => {
    expect(extractEntities('write to Jane.Doe@example.com').emails.map((entity) => entity.email)).toEqual([
      'jane.doe@example.com',
    ]);
    expect(extractEntities('jane@example.com').orderIds).toEqual([]);
    expect(extractEntities('the second one').ordinal).toBe(2);
    expect(extractEntities('el último').ordinal).toBe(-1);
    expect(extractEntities('第二个').ordinal).toBe(2);
    expect(extractEntities('두 번째요').ordinal).toBe(2);
    expect(extractEntities('where is my last order?').ordinal).toBe(1);
    expect(extractEntities('where is my order?').ordinal).toBeUndefined();
  });

  it('reads feet, inches and pounds written in Japanese, Korean and Chinese units', () => {
    const japanese = extractEntities('身長5フィート9インチ、体重150ポンドです');
    expect(japanese.heights.map((entity) => entity.cm)).toEqual([175]);
    expect(japanese.weights.map((entity) => entity.kg)).toEqual([68]);
    expect(heights('키 5피트 10인치, 몸무게 160파운드')).toEqual([178]);
    expect(weights('키 5피트 10인치, 몸무게 160파운드')).toEqual([72.6]);
    expect(heights('身高5英尺8英寸，体重140磅')).toEqual([173]);
    expect(weights('身高5英尺8英寸，体重140磅')).toEqual([63.5]);
  });

  it('takes a capital that starts an accented word for a letter, not a size', () => {
    expect(extractEntities('Làm sao để trả hàng?').sizes).toEqual([]);
    expect(extractEntities('Ló compré en talla M').sizes.map((size) => size.value)).toEqual(['M']);
    expect(extractEntities('Mサイズはありますか').sizes.map((size) => size.value)).toEqual(['M']);
  });

  it('picks the size the shopper wants, not the one they are leaving', () => {
    const wanted = (text: string) => wantedSize(text, extractEntities(text).sizes)?.value;
    expect(wanted("Vorrei cambiare la taglia dell'ordine A1007 da L a M")).toBe('M');
    expect(wanted('please change it from XL to L')).toBe('L');
    expect(wanted('M instead of L please')).toBe('M');
    expect(wanted('bitte von Größe L auf M ändern')).toBe('M');
    expect(wanted('サイズをLからMに変更したいです')).toBe('M');
    expect(wanted('사이즈를 L에서 M으로 바꿔 주세요')).toBe('M');
    expect(wanted('从L换成M')).toBe('M');
    expect(wanted('change my order to size XL')).toBe('XL');
    expect(wanted('change my order please')).toBeUndefined();
  });
});
