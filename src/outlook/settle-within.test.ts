import { settleWithin } from "./on-message-send";

describe("settleWithin", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("runs next once when the promise settles first", async () => {
    const next = jest.fn();
    settleWithin(Promise.resolve(1), 1000, next);
    await Promise.resolve();
    await Promise.resolve();
    expect(next).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(2000);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it("runs next once on time when the promise never settles, and once only if it rejects later", async () => {
    const next = jest.fn();
    let reject: (e: unknown) => void = () => undefined;
    settleWithin(new Promise((_r, j) => (reject = j)), 250, next);
    jest.advanceTimersByTime(249);
    expect(next).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(next).toHaveBeenCalledTimes(1);
    reject(new Error("late"));
    await Promise.resolve();
    await Promise.resolve();
    expect(next).toHaveBeenCalledTimes(1);
  });
});
