import { describe, expect, it } from 'vitest';
import { mannWhitneyU, median, quantile } from '../../scripts/stats';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});

describe('quantile', () => {
  it('interpolates between order statistics', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(quantile([7], 0.9)).toBe(7);
  });
});

describe('Mann–Whitney U', () => {
  // Worked by hand with the normal approximation, tie and continuity corrections (SciPy's method='asymptotic').
  it('separates fully separated samples', () => {
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6]).u).toBe(0);
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6]).p).toBeCloseTo(0.0809, 3);
  });

  it('handles ties with average ranks', () => {
    const { u, p } = mannWhitneyU([1, 2, 2, 3], [2, 3, 4, 5]);
    // Ranks of a: 1, 3, 3, 5.5 (the three 2s share rank 3, the two 3s rank 5.5).
    expect(u).toBe(2.5);
    expect(p).toBeCloseTo(0.1367, 3);
  });

  it('finds no difference between identical samples', () => {
    const sample = Array.from({ length: 48 }, (_, i) => i % 7);
    expect(mannWhitneyU(sample, sample).p).toBe(1);
  });

  it('is sure of a large shift with 48 samples a side', () => {
    const a = Array.from({ length: 48 }, (_, i) => 10 + (i % 5));
    const b = a.map((x) => x + 3);
    expect(mannWhitneyU(a, b).p).toBeLessThan(0.001);
  });
});
