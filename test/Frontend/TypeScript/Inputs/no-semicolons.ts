// expected-no-diagnostics
import * as async from "./async"
import type { Payload } from "./payload"

export interface IStore {
  readonly [key: string]: unknown
  get(key: string): Promise<string | null>
  set<T>(key: string, value: T): void
  <R>(query: string): R
  new (name: string): IStore
  function: "pointer"
}

export type Ctor = abstract new (...args: any[]) => object
export type Return<T> = T extends { result: infer R extends string } ? R : never

export class Store implements IStore {
  readonly [key: string]: unknown
  private map = new Map<string, string>()
  catch?: Payload
  finally?: Payload
  [Symbol.iterator]() {
    return this.map.entries()
  }
  async get(key: string): Promise<string | null> {
    const value = this.map.get(key)
    if (value === undefined) return null
    else return value
  }
  set<T>(key: string, value: T): void {
    this.map.set(key, String(value))
  }
  handler(): (event: string) => void {
    const log = console.log
    return (event) => log(event)
  }
}

export function modes(): readonly string[] {
  const all = ["a", "b"] as const
  const first = all[0]!
  let none: void
  if (first) none = { kind: first } as any
  else none = undefined
  {
    const scoped = 1
  }
  do none = undefined
  while (false)
  return all
}
