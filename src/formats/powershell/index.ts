/** PowerShell Get-MessageTrace(V2) ConvertTo-Json output. */
export { powershellFormat, powershellRecordFromJson } from './powershell-format.js';
