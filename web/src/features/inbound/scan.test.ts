import { describe, expect, it } from 'vitest';
import { namesShipment, normaliseScan, parseReceiveScan, percent, reclaimsFocus, sameCode, scanMatches, shipmentScanned } from './scan';
import { scanAreaStyle } from './useScanField';

describe('normaliseScan', () => {
  it('drops control characters and surrounding space a scanner adds', () => {
    expect(normaliseScan('\u0002 4006381333931\t\r')).toBe('4006381333931');
    expect(normaliseScan('ACME-3-BC')).toBe('ACME-3-BC');
    expect(normaliseScan('  \u0003 ')).toBe('');
  });
});

describe('percent', () => {
  it('rounds and caps at 100, an over-receipt included', () => {
    expect(percent(0)).toBe(0);
    expect(percent(0.254)).toBe(25);
    expect(percent(13 / 12)).toBe(100);
    expect(percent(Number.NaN)).toBe(0);
  });
});

describe('parseReceiveScan', () => {
  it('reads digits and a star as the units of the next scan', () => {
    expect(parseReceiveScan('12*\r')).toEqual({ kind: 'quantity', quantity: 12 });
    expect(parseReceiveScan('99999*')).toEqual({ kind: 'quantity', quantity: 99_999 });
  });

  it('takes anything else as an item, a star inside a barcode or a zero quantity included', () => {
    expect(parseReceiveScan('\u00024006381333931')).toEqual({ kind: 'item', barcode: '4006381333931' });
    expect(parseReceiveScan('AB*12')).toEqual({ kind: 'item', barcode: 'AB*12' });
    expect(parseReceiveScan('0*')).toEqual({ kind: 'item', barcode: '0*' });
    expect(parseReceiveScan('123456*')).toEqual({ kind: 'item', barcode: '123456*' });
    expect(parseReceiveScan(' \t')).toEqual({ kind: 'empty' });
  });
});

describe('scanMatches', () => {
  const sku = { code: 'LS-RED-M', barcodes: [{ barcode: '036000291452' }, { barcode: 'LY-BIN 0042' }] };

  it('finds a SKU by its code, or a barcode with or without leading zeros, as the server does', () => {
    expect(scanMatches('LS-RED-M', sku)).toBe(true);
    expect(scanMatches('036000291452', sku)).toBe(true);
    expect(scanMatches('0036000291452\r', sku)).toBe(true);
    expect(scanMatches('00036000291452', sku)).toBe(true);
    expect(scanMatches('LY-BIN 0042', sku)).toBe(true);
  });

  it('finds nothing else', () => {
    expect(scanMatches('ls-red-m', sku)).toBe(false);
    expect(scanMatches('36000291452', sku)).toBe(false);
    expect(scanMatches('9780201379624', sku)).toBe(false);
    expect(scanMatches('', { code: '' })).toBe(false);
  });
});

describe('sameCode', () => {
  it('compares location and shipment codes without regard to case or surrounding space', () => {
    expect(sameCode('a-01-01-1-a ', 'A-01-01-1-A')).toBe(true);
    expect(sameCode('A-01-01-1-B', 'A-01-01-1-A')).toBe(false);
    expect(sameCode(null, 'A')).toBe(false);
  });
});

describe('namesShipment and shipmentScanned', () => {
  const asn = { reference: 'ASN-2024-001', containerNumber: 'MSCU1234565', waybillNumber: null };
  const other = { reference: 'ASN-2024-0011', containerNumber: null, waybillNumber: '784512' };

  it('know a carton by its shipment reference, container or waybill number', () => {
    expect(namesShipment('asn-2024-001', asn)).toBe(true);
    expect(namesShipment('\u0002MSCU1234565\r', asn)).toBe(true);
    expect(namesShipment('ASN-2024', asn)).toBe(false);
    expect(namesShipment('', { reference: 'X', containerNumber: '' })).toBe(false);
  });

  it('open the one shipment a scan names, not one it only starts', () => {
    expect(shipmentScanned('ASN-2024-001', [other, asn])).toBe(asn);
    expect(shipmentScanned('784512', [asn, other])).toBe(other);
    expect(shipmentScanned('ASN-2024', [asn, other])).toBeNull();
  });
});

describe('reclaimsFocus', () => {
  /** An element that is inside what `selectors` match. */
  const inside = (...selectors: string[]) => ({ closest: (s: string) => (selectors.some((x) => s.includes(x)) ? {} : null) });

  it('takes focus back after a click on a button or the page', () => {
    expect(reclaimsFocus(inside('button') as unknown as EventTarget)).toBe(true);
    expect(reclaimsFocus(null)).toBe(true);
  });

  it('leaves it in a field that takes typing', () => {
    expect(reclaimsFocus(inside('input:not') as unknown as EventTarget)).toBe(false);
    expect(reclaimsFocus(inside('textarea') as unknown as EventTarget)).toBe(false);
    expect(reclaimsFocus(inside('.ant-select') as unknown as EventTarget)).toBe(false);
  });
});

describe('scanAreaStyle', () => {
  it('floods red while a refusal flashes, stays pale red after it, else shows its ground', () => {
    expect(scanAreaStyle(true, { ok: false, text: 'no' }).backgroundColor).toBe('#ff4d4f');
    expect(scanAreaStyle(false, { ok: false, text: 'no' }).backgroundColor).toBe('#fff1f0');
    expect(scanAreaStyle(false, { ok: true, text: 'yes' }).backgroundColor).toBe('#f6ffed');
    expect(scanAreaStyle(false, null, '#fff7e6').backgroundColor).toBe('#fff7e6');
  });
});
