<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>sites_candidats</Name>
    <UserStyle>
      <Name>sites_candidats</Name>
      <Title>Sites candidats</Title>
      <Abstract>Communes proposées pour accueillir un tiers-lieu, numérotées par rang.</Abstract>
      <FeatureTypeStyle>
      <Rule>
        <Name>site</Name>
        <Title>Site candidat</Title>
        <PointSymbolizer><Graphic><Mark><WellKnownName>star</WellKnownName><Fill><CssParameter name="fill">#ffd92f</CssParameter></Fill><Stroke><CssParameter name="stroke">#7f2704</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></Mark><Size>16</Size></Graphic></PointSymbolizer>
      </Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
      <Rule>
        <Name>rang</Name>
        <Title>Rang du site</Title>
        <TextSymbolizer><Label><ogc:PropertyName>rang</ogc:PropertyName></Label><Font><CssParameter name="font-family">SansSerif</CssParameter><CssParameter name="font-size">11</CssParameter><CssParameter name="font-weight">bold</CssParameter></Font><LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0</AnchorPointX><AnchorPointY>0.5</AnchorPointY></AnchorPoint><Displacement><DisplacementX>9</DisplacementX><DisplacementY>0</DisplacementY></Displacement></PointPlacement></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter><CssParameter name="fill-opacity">0.85</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#7f2704</CssParameter></Fill></TextSymbolizer>
      </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
