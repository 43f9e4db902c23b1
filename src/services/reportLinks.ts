/** Where a mail about a report links to (kept apart from the notifications, which load with the first mail). */

/**
 * A report's address for the mail: the app's own page (`#/rapport/<id>`) when the mail is sent
 * from the page that holds the whole section, else the report in SharePoint's list form, which
 * works from anywhere (and for the reporter, under item-level security, shows only her own).
 * @param webUrl the site's absolute URL, e.g. https://region.sharepoint.com/sites/sakerhet
 * @param appPage the absolute address (without #) of the page with the whole section, if known
 */
export function reportLinks(webUrl: string, listUrl: string, appPage?: string): (id: number) => string {
  return (id) => (appPage ? `${appPage}#/rapport/${id}` : `${webUrl.replace(/\/$/, '')}/${listUrl}/DispForm.aspx?ID=${id}`);
}
