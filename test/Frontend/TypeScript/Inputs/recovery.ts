// Several syntax errors in one provider file: each is reported at its
// place, and the parser goes on (every function below is in the tree).
import { HttpException } from "@nestjs/common";
import { MyGlobal } from "../MyGlobal";

export async function getTodo(props: { id: string }): Promise<ITodo> {
  const row = await MyGlobal.prisma.todos.findUnique({ where: { id: props.id } })
  if (!row) throw new HttpException("Not found", 404);
  return { id: row.id, title: row.title satisfies string };
}

// expected-note@+1:75 [NT010] {{to match this '{'}}
export async function putTodo(props: { id: string; body: ITodo.IUpdate }) {
  // expected-error@+1:70 [TSP001] {{unexpected ';'; expected ',' or '}'}}
  const data = { ...props.body, updated_at: new Date().toISOString() ;
  await MyGlobal.prisma.todos.update({ where: { id: props.id }, data });
}

export async function deleteTodo(props: { id: string }): Promise<void> {
  // expected-error@+1:17 [TSP002] {{unterminated string literal; expected a closing '"'}}
  const label = "deleted;
  await MyGlobal.prisma.todos.delete({ where: { id: props.id } });
}

// expected-error@+1:22 [TSP010] {{invalid numeric literal: '0x' needs hexadecimal digits}}
export const limit = 0x;

// expected-error@+1:30 [TSP001] {{unexpected identifier 'string'; expected ',' or ')'}}
export function eraseTodo(id string): void {
  throw new HttpException(`gone: ${id}`, 410);
}

export async function listTodos(): Promise<ITodo[]> {
  return MyGlobal.prisma.todos.findMany({ orderBy: { created_at: "desc" } });
}
// expected-error@+1:1 [TSP007] {{expected '}' before the end of the file}}
