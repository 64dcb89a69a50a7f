export interface VitestReport {
  testResults?: Array<{
    name: string
    assertionResults?: Array<{ status: string; title: string; fullName?: string; ancestorTitles?: string[] }>
  }>
}
export interface PlaywrightSuite {
  specs?: Array<{ title: string; file: string; tests?: Array<{ projectName: string; status: string }> }>
  suites?: PlaywrightSuite[]
}
export interface PlaywrightReport {
  suites?: PlaywrightSuite[]
}
export declare function vitestSkips(report: VitestReport | null, root: string): string[]
export declare function playwrightSkips(report: PlaywrightReport | null): Array<{ project: string; file: string; title: string }>
export declare function forbiddenSkips(vitestReport: VitestReport | null, playwrightReport: PlaywrightReport | null, root: string): string[]
