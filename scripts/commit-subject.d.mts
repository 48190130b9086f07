export declare const maxSubject: number
export declare function subjectProblem(message: string): string | null
