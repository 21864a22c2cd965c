import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_TYPES } from './problem-types';

export const DOCS_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/openapi.json';

/** The OpenAPI document, generated from the controllers and DTOs, with bearer auth and the problem schema. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle("Children's social care statutory timescales engine")
    .setDescription(
      'Commands and queries over the statutory pathways. Every error is an RFC 9457 problem (application/problem+json) with a stable `code`; ' +
        'commands require an `Idempotency-Key` header. See apps/api/README.md.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA } };
  return document;
}

const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'instance', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', enum: Object.keys(PROBLEM_TYPES) },
    requestId: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } } },
  },
};

/** Swagger UI at /api/docs and the JSON document at /api/openapi.json, both public. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, () => openApiDocument(app), { jsonDocumentUrl: OPENAPI_JSON_PATH, yamlDocumentUrl: 'api/openapi.yaml' });
}
