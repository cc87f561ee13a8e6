<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>departements</Name>
    <UserStyle>
      <Name>limites</Name>
      <Title>Limites administratives</Title>
      <Abstract>Contours des départements et des régions.</Abstract>
      <FeatureTypeStyle>
      <Rule>
        <Name>limite</Name>
        <Title>Limite administrative</Title>
        <MinScaleDenominator>2000000</MinScaleDenominator>
        <PolygonSymbolizer><Stroke><CssParameter name="stroke">#4d4d4d</CssParameter><CssParameter name="stroke-width">1.2</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      <Rule>
        <Name>limite_detaillee</Name>
        <Title>Limite administrative</Title>
        <MaxScaleDenominator>2000000</MaxScaleDenominator>
        <PolygonSymbolizer><Stroke><CssParameter name="stroke">#4d4d4d</CssParameter><CssParameter name="stroke-width">2</CssParameter><CssParameter name="stroke-dasharray">8 3</CssParameter></Stroke></PolygonSymbolizer>
      </Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
      <Rule>
        <Name>nom</Name>
        <Title>Nom</Title>
        <MaxScaleDenominator>2000000</MaxScaleDenominator>
        <TextSymbolizer><Label><ogc:PropertyName>nom</ogc:PropertyName></Label><Font><CssParameter name="font-family">SansSerif</CssParameter><CssParameter name="font-size">12</CssParameter><CssParameter name="font-weight">bold</CssParameter></Font><LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>0.5</AnchorPointY></AnchorPoint></PointPlacement></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter><CssParameter name="fill-opacity">0.85</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#4d4d4d</CssParameter></Fill></TextSymbolizer>
      </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
