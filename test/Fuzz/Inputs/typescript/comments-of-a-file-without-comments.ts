export async function postTodo() {}
