/** Device and network profile readers: every field known, present and a number where one is due. */
import { readFileSync } from 'node:fs';
import { parseDevice, parseNetwork } from '../../src/model/environment.js';

const phoneText = readFileSync('profiles/devices/phone-midrange.yaml', 'utf8');
const wifiText = readFileSync('profiles/networks/wifi.yaml', 'utf8');

describe('device profiles', () => {
  it('read the run-time work of each side', () => {
    const phone = parseDevice(phoneText, 'phone-midrange.yaml');
    expect(phone.migration.device).toEqual({ callMs: 1, upMsPerMB: 12, downMsPerMB: 40 });
    expect(phone.migration.clone).toEqual({ callMs: 1, upMsPerMB: 11, downMsPerMB: 110 });
  });

  it('reject an unknown, a missing or a negative migration field, naming it', () => {
    expect(() => parseDevice(phoneText.replace('callMs: 1 ', 'callMsec: 1 '), 'd.yaml')).toThrow(/migration\.device\.callMsec.*unknown key/);
    expect(() => parseDevice(phoneText.replace(/^ {4}downMsPerMB: 110.*$/m, ''), 'd.yaml')).toThrow(/migration\.clone\.downMsPerMB/);
    expect(() => parseDevice(phoneText.replace('upMsPerMB: 12', 'upMsPerMB: -1'), 'd.yaml')).toThrow(/migration\.device\.upMsPerMB.*>= 0/);
    expect(() => parseDevice(phoneText.replace(/^migration:[\s\S]*$/m, ''), 'd.yaml')).toThrow(/migration/);
  });
});

describe('network profiles', () => {
  it('carry the link only: the old migrationOverheadMs is an unknown key', () => {
    expect(parseNetwork(wifiText, 'wifi.yaml')).toMatchObject({ rttMs: 30, upMbps: 8, downMbps: 12 });
    expect(() => parseNetwork(wifiText.replace('rttMs: 30\n', 'rttMs: 30\nmigrationOverheadMs: 5\n'), 'old.yaml')).toThrow(/migrationOverheadMs.*unknown key/);
  });
});
