// ECharts with what the app draws (tree-shaken: bar, line, pie, map, mark areas). About 640 KB of the app's script:
// loaded with the first chart (echart.tsx), not before the first requests and the page's first render.
import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  MapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  AriaComponent,
  // The settling part of a time series is a mark area (chart-option.ts).
  MarkAreaComponent,
  CanvasRenderer,
]);

export { echarts };
