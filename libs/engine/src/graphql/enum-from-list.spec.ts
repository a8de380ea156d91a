import { Test } from '@nestjs/testing';
import { Args, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, Query, Resolver } from '@nestjs/graphql';
import { GraphQLEnumType, printType, type GraphQLSchema } from 'graphql';
import { enumFromList } from './enum-from-list.js';

const SHAPES = ['circle', 'square'] as const;
type Shape = (typeof SHAPES)[number];
const COLOURS = ['RED', 'GREEN'] as const;

const ShapeEnum = enumFromList(SHAPES, {
  name: 'TestShape',
  description: 'A shape',
  names: { CIRCLE: 'circle', SQUARE: 'square' },
  valuesMap: { SQUARE: { description: 'Four sides' } },
});
const ColourEnum = enumFromList(COLOURS, { name: 'TestColour', valuesMap: { GREEN: { deprecationReason: 'Use RED' } } });

@Resolver()
class ShapeResolver {
  @Query(() => ShapeEnum)
  shape(@Args('shape', { type: () => ShapeEnum }) shape: Shape): Shape {
    return shape;
  }

  @Query(() => ColourEnum)
  colour(): (typeof COLOURS)[number] {
    return ColourEnum.RED;
  }
}

async function buildSchema(): Promise<GraphQLSchema> {
  const module = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
  return module.get(GraphQLSchemaFactory).create([ShapeResolver]);
}

describe('enumFromList', () => {
  it("names each value by itself, so the enum's members are the list's values", async () => {
    expect(ColourEnum).toEqual({ RED: 'RED', GREEN: 'GREEN' });
    expect(Object.isFrozen(ColourEnum)).toBe(true);
    const schema = await buildSchema();
    expect(printType(schema.getType('TestColour')!)).toBe('enum TestColour {\n  RED\n  GREEN @deprecated(reason: "Use RED")\n}');
  });

  it('names values by the given names in the schema, and maps each name to its value of the list', async () => {
    const circle: 'circle' = ShapeEnum.CIRCLE;
    expect(circle).toBe('circle');
    expect(ShapeEnum).toEqual({ CIRCLE: 'circle', SQUARE: 'square' });
    const schema = await buildSchema();
    const type = schema.getType('TestShape') as GraphQLEnumType;
    expect(printType(type)).toBe('"""A shape"""\nenum TestShape {\n  CIRCLE\n\n  """Four sides"""\n  SQUARE\n}');
    expect(type.parseLiteral({ kind: 'EnumValue', value: 'SQUARE' } as never, undefined)).toBe('square');
    expect(type.serialize('circle')).toBe('CIRCLE');
  });

  // Each call is a type error, which the comment above its line expects; run anyway, it throws before registering.
  it('does not compile, and throws, when the names leave out a value, add one, or give one value two names', () => {
    expect(() =>
      enumFromList(SHAPES, {
        name: 'TestMissing',
        // @ts-expect-error square has no name
        names: { CIRCLE: 'circle' },
      }),
    ).toThrow('GraphQL enum TestMissing must name each of circle, square once (names circle)');
    expect(() =>
      enumFromList(SHAPES, {
        name: 'TestExtra',
        // @ts-expect-error triangle is not in the list
        names: { CIRCLE: 'circle', SQUARE: 'square', TRIANGLE: 'triangle' },
      }),
    ).toThrow('GraphQL enum TestExtra must name each of circle, square once (names circle, square, triangle)');
    expect(() =>
      enumFromList(SHAPES, {
        name: 'TestShared',
        // @ts-expect-error circle has two names
        names: { CIRCLE: 'circle', ROUND: 'circle', SQUARE: 'square' },
      }),
    ).toThrow('GraphQL enum TestShared must name each of circle, square once (names circle, circle, square)');
  });

  // Only the types catch these: at run time the misspelt description is registered and never shown.
  it('does not compile when valuesMap describes a value, or a name, the enum does not have', () => {
    expect(() =>
      enumFromList(SHAPES, {
        name: 'TestMisspelt',
        names: { CIRCLE: 'circle', SQUARE: 'square' },
        // @ts-expect-error valuesMap is keyed by the names
        valuesMap: { circle: { description: 'Round' } },
      }),
    ).not.toThrow();
    expect(() =>
      enumFromList(SHAPES, {
        name: 'TestMisspeltValue',
        // @ts-expect-error circel is not in the list
        valuesMap: { circel: { description: 'Round' } },
      }),
    ).not.toThrow();
  });
});
