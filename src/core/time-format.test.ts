import { describe, expect, it } from 'vitest';
import { formatEventTime, formatTime } from './time-format.js';

describe('formatTime', () => {
  it('writes uncertain dates as a historian would', () => {
    expect(formatTime('2002-07~')).toBe('c. July 2002');
    expect(formatTime('2006-36')).toBe('late 2006');
    expect(formatTime('2006-33')).toBe('early 2006');
    expect(formatTime('2002-10-28')).toBe('28 October 2002');
    expect(formatTime('2004?')).toBe('2004 (?)');
    expect(formatTime('2006-XX')).toBe('some month of 2006');
    expect(formatTime(undefined)).toBe('undated');
  });

  it('writes intervals with their open and unknown ends', () => {
    expect(formatTime('2006/2012')).toBe('2006 – 2012');
    expect(formatTime('../2014-02-03')).toBe('until 3 February 2014');
    expect(formatTime('2011-08/..')).toBe('from August 2011 on');
    expect(formatTime('2006-10-15/')).toBe('from 15 October 2006 (end unknown)');
  });

  it('writes event windows as "by" and "between"', () => {
    expect(formatEventTime('../2002-05')).toBe('by May 2002');
    expect(formatEventTime('2003-09-20/2003-10-20')).toBe('between 20 September 2003 and 20 October 2003');
  });
});
