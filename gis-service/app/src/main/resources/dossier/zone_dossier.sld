<?xml version="1.0" encoding="UTF-8"?>
<!-- Dossier de carence (fr.carence.api.dossier.DossierMap): the zone of the dossier, drawn over
     the other zones with a thick outline. -->
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
  <NamedLayer>
    <Name>zones_carence</Name>
    <UserStyle>
      <Name>zone_dossier</Name>
      <Title>Zone du dossier</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>zone_dossier</Name>
          <Title>Zone de ce dossier</Title>
          <PolygonSymbolizer><Stroke><CssParameter name="stroke">#67000d</CssParameter><CssParameter name="stroke-width">3</CssParameter></Stroke></PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
