import { DomainError, FieldProblems } from './domain-error.js';
import { checked, checkedAsync } from './field-checks.js';

describe('checked and checkedAsync', () => {
  const tooShort = () => {
    throw DomainError.badInput('title', 'TOO_SHORT', 'validation.tooShort', { count: 5 });
  };

  it('return what a passing check gives, and keep no problem', async () => {
    const problems = new FieldProblems();
    expect(checked(problems, () => 'Lokalvård')).toBe('Lokalvård');
    expect(await checkedAsync(problems, async () => ['90911200-8'])).toEqual(['90911200-8']);
    expect(problems.list).toEqual([]);
  });

  it('gather the field problems of refused parts, so that every one is reported at once', async () => {
    const problems = new FieldProblems();
    expect(checked(problems, tooShort)).toBeUndefined();
    expect(
      await checkedAsync(problems, async () => {
        throw DomainError.invalid([
          { path: ['cpvCodes', 0], code: 'UNKNOWN_VALUE', message: { key: 'validation.oneOf', params: { values: 'a' } } },
          { path: ['cpvCodes', 1], code: 'UNKNOWN_VALUE', message: { key: 'validation.oneOf', params: { values: 'b' } } },
        ]);
      }),
    ).toBeUndefined();
    expect(() => problems.throwIfAny()).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ path: ['title'] }), expect.objectContaining({ path: ['cpvCodes', 0] }), expect.objectContaining({ path: ['cpvCodes', 1] })],
      }),
    );
  });

  it('throw on what is not bad input', async () => {
    const problems = new FieldProblems();
    expect(() =>
      checked(problems, () => {
        throw DomainError.conflict('marketplace.offerExists');
      }),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    await expect(checkedAsync(problems, () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    expect(problems.list).toEqual([]);
  });
});
