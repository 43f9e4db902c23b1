// Runs before the app: Fluent UI would otherwise register its web fonts from Microsoft's CDN,
// which a machine without internet cannot reach. The page falls back to the system's Segoe UI.
window.FabricConfig = { fontBaseUrl: '' };
