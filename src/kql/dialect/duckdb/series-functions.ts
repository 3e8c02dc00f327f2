/** DuckDB spellings of the series hooks (lists, list lambdas, QUALIFY). */
import type { SeriesFunctions } from '../series-functions.js';

export const seriesFunctions: SeriesFunctions = {
  groupList: (x) => `list(${x})`,
  seriesFill: (n, bins, values, fill) =>
    `list_transform(range(CAST(${n} AS BIGINT)), _i -> coalesce(list_extract(${values}, list_position(${bins}, _i)), ${fill}))`,
  seriesRange: (n, element, asDatetime) => {
    const e = element('_i');
    const value = asDatetime ? `strftime(make_timestamp(CAST(${e} AS BIGINT)), '%Y-%m-%dT%H:%M:%S.%f0Z')` : e;
    return `list_transform(range(CAST(${n} AS BIGINT)), _i -> ${value})`;
  },
  listJson: (x) => `to_json(${x})`,
  lateral: (left, subquery, alias) => `${left} CROSS JOIN LATERAL (${subquery}) AS ${alias}`,
  // JSON pointer paths: '~' and '/' in a key are written ~0 and ~1.
  bagKeyTypes: (sql, column, alias) =>
    `SELECT DISTINCT _k, json_type(${column}, '/' || replace(replace(_k, '~', '~0'), '/', '~1')) FROM (SELECT ${column}, unnest(json_keys(${column})) AS _k FROM (${sql}) AS ${alias} WHERE json_type(${column}) = 'OBJECT') AS ${alias}_k ORDER BY 1`,
  topPerGroup: (sql, partition, order, n, alias) =>
    `SELECT * FROM (${sql}) AS ${alias} QUALIFY row_number() OVER (${partition.length > 0 ? `PARTITION BY ${partition.join(', ')} ` : ''}ORDER BY ${order.join(', ')}) <= ${n}`,
};
