import { DomainError, type FieldProblem, type FieldRule, type Message } from '@samverka/domain';
import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLString,
  Kind,
  getVariableValues,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLScalarType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';

type Path = readonly (string | number)[];

/** More problems than this are not listed: a client that sent them has enough to correct. */
export const MAX_LISTED_PROBLEMS = 50;

/**
 * Where each variable of a document is used, as the API names places: inside a mutation's `input`
 * argument relative to it (`$form` in `input: { form: $form }` is at `['form']`, `$input` at `[]`),
 * otherwise under the argument's name (`['first']`, `['filter', 'search']`). A variable used twice is
 * placed where it is used first.
 */
export function variablePlaces(document: DocumentNode, operation: OperationDefinitionNode): Map<string, Path> {
  const places = new Map<string, Path>();
  const walk = (value: ValueNode, path: Path): void => {
    if (value.kind === Kind.VARIABLE) {
      if (!places.has(value.name.value)) places.set(value.name.value, path);
    } else if (value.kind === Kind.LIST) value.values.forEach((item, index) => walk(item, [...path, index]));
    else if (value.kind === Kind.OBJECT) value.fields.forEach((field) => walk(field.value, [...path, field.name.value]));
  };
  const visitor = {
    Argument(node: ArgumentNode) {
      walk(node.value, node.name.value === 'input' ? [] : [node.name.value]);
      return false;
    },
  };
  visit(operation, visitor);
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  return places;
}

/** Where a NUL character hides in the literal values of a document's arguments. */
function literalNulPlaces(document: DocumentNode): Path[] {
  const found: Path[] = [];
  const walk = (value: ValueNode, path: Path): void => {
    if (value.kind === Kind.STRING && value.value.includes('\u0000')) found.push(path);
    else if (value.kind === Kind.LIST) value.values.forEach((item, index) => walk(item, [...path, index]));
    else if (value.kind === Kind.OBJECT) value.fields.forEach((field) => walk(field.value, [...path, field.name.value]));
  };
  visit(document, {
    Argument(node) {
      walk(node.value, node.name.value === 'input' ? [] : [node.name.value]);
      return false;
    },
  });
  return found;
}

const INT_RANGE = { min: -2_147_483_648, max: 2_147_483_647 };

/** What to say of a value a scalar refused. */
function scalarProblem(type: GraphQLScalarType, value: unknown): { code: FieldRule; message: Message } {
  switch (type.name) {
    case GraphQLInt.name:
      return typeof value === 'number' && Number.isInteger(value)
        ? { code: 'OUT_OF_RANGE', message: { key: 'validation.wholeNumberRange', params: INT_RANGE } }
        : { code: 'INVALID_TYPE', message: { key: 'validation.wholeNumber' } };
    case GraphQLFloat.name:
      return { code: 'INVALID_TYPE', message: { key: 'validation.number' } };
    case GraphQLString.name:
      return { code: 'INVALID_TYPE', message: { key: 'validation.text' } };
    case GraphQLID.name:
      return { code: 'INVALID_TYPE', message: { key: 'validation.invalidId' } };
    case GraphQLBoolean.name:
      return { code: 'INVALID_TYPE', message: { key: 'validation.trueOrFalse' } };
    default:
      return { code: 'INVALID_TYPE', message: { key: 'validation.valueOfType', params: { type: type.name } } };
  }
}

/**
 * Every problem of one value against its input type, as the API answers them: a missing or null value
 * where one is required (REQUIRED), an enum value the type does not have (UNKNOWN_VALUE, listing the
 * values), a value of the wrong kind (INVALID_TYPE), a field the input type does not have (NOT_ALLOWED),
 * and text with a NUL character (INVALID_FORMAT: PostgreSQL cannot store it). It follows graphql-js's
 * input coercion (a single value stands for a list of one; a missing field takes its default), so a
 * value without problems here is one graphql-js accepts.
 */
export function valueProblems(value: unknown, type: GraphQLInputType, path: Path, problems: FieldProblem[]): void {
  if (problems.length >= MAX_LISTED_PROBLEMS) return;
  const add = (code: FieldRule, message: Message, at: Path = path) => {
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ path: at, code, message });
  };
  if (isNonNullType(type)) {
    if (value === null || value === undefined) add('REQUIRED', { key: 'validation.required' });
    else valueProblems(value, type.ofType, path, problems);
    return;
  }
  if (value === null || value === undefined) return;
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, index) => valueProblems(item, type.ofType, [...path, index], problems));
    else valueProblems(value, type.ofType, path, problems);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return add('INVALID_TYPE', { key: 'validation.object' });
    const fields = type.getFields();
    for (const name of Object.keys(value)) if (!(name in fields)) add('NOT_ALLOWED', { key: 'validation.unknownField' }, [...path, name]);
    for (const field of Object.values(fields)) {
      const fieldValue = (value as Record<string, unknown>)[field.name];
      if (fieldValue === undefined && field.defaultValue !== undefined) continue;
      valueProblems(fieldValue, field.type, [...path, field.name], problems);
    }
    return;
  }
  if (isEnumType(type)) {
    if (typeof value === 'string' && type.getValue(value)) return;
    const values = type
      .getValues()
      .map((v) => v.name)
      .join(', ');
    return add(typeof value === 'string' ? 'UNKNOWN_VALUE' : 'INVALID_TYPE', { key: 'validation.oneOf', params: { values } });
  }
  if (typeof value === 'string' && value.includes('\u0000')) return add('INVALID_FORMAT', { key: 'validation.nulCharacter' });
  let parsed: unknown;
  try {
    parsed = type.parseValue(value);
  } catch (error) {
    // Our own scalars (scalars.ts) refuse with the problem itself: its code and message, here in place.
    const [problem] = error instanceof DomainError ? error.fields : [];
    if (problem) return add(problem.code, problem.message as Message);
    parsed = undefined;
  }
  if (parsed === undefined) {
    const { code, message } = scalarProblem(type, value);
    add(code, message);
  }
}

/**
 * Every problem of an operation's variables, and of NUL characters in its literal arguments, placed as
 * the API names places (see variablePlaces). Run after validation (the variables' types exist) and
 * before anything reads the variables, so a client hears of all its mistakes at once instead of the
 * first one graphql-js stops at.
 */
export function operationInputProblems(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): FieldProblem[] {
  const places = variablePlaces(document, operation);
  const problems: FieldProblem[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    const value = variables[name];
    if (value === undefined && definition.defaultValue) continue;
    valueProblems(value, type, places.get(name) ?? [name], problems);
  }
  for (const path of literalNulPlaces(document))
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ path, code: 'INVALID_FORMAT', message: { key: 'validation.nulCharacter' } });
  if (problems.length === 0 && operation.variableDefinitions?.length) {
    // A value graphql-js refuses although every rule above passed: still the client's, named by variable.
    const coerced = getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: MAX_LISTED_PROBLEMS });
    for (const error of coerced.errors ?? []) {
      const node = error.nodes?.[0];
      const name = node?.kind === Kind.VARIABLE_DEFINITION ? node.variable.name.value : undefined;
      problems.push({
        path: (name !== undefined ? places.get(name) : undefined) ?? [name ?? ''],
        code: 'INVALID',
        message: { key: 'validation.valueOfType', params: { type: node?.kind === Kind.VARIABLE_DEFINITION ? String(typeFromAST(schema, node.type)) : '?' } },
      });
    }
  }
  // The whole `input` of a mutation is named by its argument.
  return problems.map((problem) => (problem.path.length === 0 ? { ...problem, path: ['input'] } : problem));
}
