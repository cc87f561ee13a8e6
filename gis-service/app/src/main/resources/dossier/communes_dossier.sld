<?xml version="1.0" encoding="UTF-8"?>
<!-- Dossier de carence (fr.carence.api.dossier.DossierMap): every commune of the zone is named,
     at any scale (the web map's commune labels only appear below 1:150,000). -->
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
  <NamedLayer>
    <Name>indicateurs_communes</Name>
    <UserStyle>
      <Name>communes_dossier</Name>
      <Title>Communes de la zone</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>commune_zone</Name>
          <Title>Commune de la zone (nommée)</Title>
          <PolygonSymbolizer><Stroke><CssParameter name="stroke">#99000d</CssParameter><CssParameter name="stroke-width">1</CssParameter><CssParameter name="stroke-dasharray">4 2</CssParameter></Stroke></PolygonSymbolizer>
          <TextSymbolizer><Label><ogc:PropertyName>nom</ogc:PropertyName></Label><Font><CssParameter name="font-family">SansSerif</CssParameter><CssParameter name="font-size">20</CssParameter><CssParameter name="font-weight">bold</CssParameter></Font><LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>0.5</AnchorPointY></AnchorPoint></PointPlacement></LabelPlacement><Halo><Radius>2.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter><CssParameter name="fill-opacity">0.9</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#222222</CssParameter></Fill></TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
