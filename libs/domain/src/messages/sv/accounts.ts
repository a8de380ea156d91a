/** Swedish (klarspråk): the accounts area's messages. */
export const accounts = {
  // Sessions in the browser: the refresh cookie and the checks that guard it.
  csrfHeaderMissing: 'Begäran saknar HTTP-huvudet X-Samverka-CSRF. Skicka det med värdet 1.',
  crossSiteRequest: 'Begäran kom från en annan webbplats än Samverka. Öppna Samverka på {{publicUrl}} och försök igen.',
  notSignedIn: 'Du är inte inloggad. Logga in igen.',
  cookieSessionNeedsHttp: 'En session med cookie kan bara startas över vanlig HTTP. Skicka begäran till /graphql med POST, eller välj TOKEN.',
} as const;
