/**
 * The pack's memo of texts (policy/paths/memo.ts): each text computed once while kept, an
 * undefined answer included, and a bounded number kept, dropped all at once or oldest first.
 */
import { memoByText } from "../../policy/paths/memo";

function counted(drop?: "all" | "oldest") {
  const calls: string[] = [];
  const read = memoByText(
    2,
    (t) => {
      calls.push(t);
      return t === "none" ? undefined : t.length;
    },
    drop,
  );
  return { read, calls };
}

test("computes each text once while it is kept, an undefined answer as well", () => {
  const { read, calls } = counted();
  expect([read("ab"), read("ab"), read("none"), read("none")]).toEqual([
    2,
    2,
    undefined,
    undefined,
  ]);
  expect(calls).toEqual(["ab", "none"]);
});

test("drops every text kept when full, by default", () => {
  const { read, calls } = counted();
  read("a");
  read("b");
  read("c");
  read("b");
  expect(calls).toEqual(["a", "b", "c", "b"]);
});

test("drops only the oldest text when full, if asked", () => {
  const { read, calls } = counted("oldest");
  read("a");
  read("b");
  read("c");
  read("b");
  read("a");
  expect(calls).toEqual(["a", "b", "c", "a"]);
});
