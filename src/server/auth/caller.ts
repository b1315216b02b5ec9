/** Who is making a request, as every service method receives it. */
export interface Caller {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly isAdmin: boolean;
  /** Organizations the user belongs to. */
  readonly organizationIds: readonly string[];
  readonly csrfToken: string;
}
