import { ArrayUtil, RandomGenerator, TestValidator } from "@nestia/e2e";
import { IConnection } from "@nestia/fetcher";
import typia, { tags } from "typia";

import api from "@ORGANIZATION/PROJECT-api";
import type { IAuthorizationToken } from "@ORGANIZATION/PROJECT-api/lib/structures/IAuthorizationToken";
import type { IEconPoliticalForumAdministrator } from "@ORGANIZATION/PROJECT-api/lib/structures/IEconPoliticalForumAdministrator";
import type { IEconPoliticalForumRegisteredUser } from "@ORGANIZATION/PROJECT-api/lib/structures/IEconPoliticalForumRegisteredUser";

export async function test_api_administrator_password_reset_rate_limiimport { IEntity } from "@ORGANIZATION/PROJECT-api/lib/structures/IEntity";
import { ITodoAppTodo } from "@ORGANIZATION/PROJECT-api/lib/structures/ITodoAppTodo";
import { DeepPartial } from "@ORGANIZATION/PROJECT-api/lib/typings/DeepPartial";
import { ArrayUtil, RandomGenerator } from "@nestia/e2e";
import { randint } from "tstl";
import typia, { tags } from "typia";

/**
 * Prepare random todo app todo creation data for E2E testing.
 *
 * Generates a complete ITodoAppTodo.ICreate with randomized values for todo
 * creation testing. The title is required while description, start_date, and
 * due_date are optional. All date-time fields follow ISO 8601 format.
 *
 * This function supports partial input override through DeepPartial, allowing
 * test scenarios to customize specific fields while auto-generating others.
 */
export function prepare_random_todo_app_todo(
  input?: DeepPartial<ITodoAppTodo.ICreate> | undefined,
): ITodoAppTodo.ICreate {
  return {
    title: input?.title ?? RandomGenerator.paragraph({ sentences: 3 }),
    description:
      input?.description ?? RandomGenerator.paragraph({ sentences: 5 }),
    start_date:
      input?.start_date ?? typia.random<string & tags.Format<"date-time">>(),
    due_date:
      input?.due_date ?? typia.random<string & tags.Format<"date-time">>(),
  };
}
.functional.auth.administrator.join(connection, {
      body: joinBody,
    });
  typia.assert(admin);

  const totalAttempts = 8;
  const successes: IEconPoliticalForumAdministrator.IResetRequestResponse[] =
    [];
  const errors: unknown[] = [];

  for (let i = 0; i < totalAttempts; ++i) {
    try {
      const resp: IEconPoliticalForumAdministrator.IResetRequestResponse =
        await api.functional.auth.administrator.password.reset.requestPasswordReset(
          connection,
          {
            body: {
              email: adminEmail,
            }nd include a
  // non-empty message and success boolean. typia.assert enforces type shape;
  // this predicate checks business-level expectations about the message.
  TestValidator.predicate(
    "successful responses include a message and success flag",
    successes.every(
      (s) =>
        typeof s.message === "string" &&
        typeof s.success === "boolean" &&
        s.message.length > 0,
    ),
  );
}
