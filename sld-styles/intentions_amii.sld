<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>intentions_amii</Name>
    <UserStyle>
      <Name>intentions_amii</Name>
      <Title>Intentions d'investissement (AMII)</Title>
      <Abstract>Lieux déclarés à un AMII, par statut : seuls projet, confirmé et ouvert comptent comme offre future.</Abstract>
      <FeatureTypeStyle>
      <Rule>
        <Name>abandonne</Name>
        <Title>Abandonnée (non comptée)</Title>
        <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>statut</ogc:PropertyName><ogc:Literal>abandonne</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
        <PointSymbolizer><Graphic><Mark><WellKnownName>x</WellKnownName><Fill><CssParameter name="fill">#969696</CssParameter></Fill><Stroke><CssParameter name="stroke">#636363</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></Mark><Size>9</Size></Graphic></PointSymbolizer>
      </Rule>
      <Rule>
        <Name>projet</Name>
        <Title>Projet</Title>
        <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>statut</ogc:PropertyName><ogc:Literal>projet</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
        <PointSymbolizer><Graphic><Mark><WellKnownName>star</WellKnownName><Fill><CssParameter name="fill">#cab2d6</CssParameter></Fill><Stroke><CssParameter name="stroke">#6a3d9a</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></Mark><Size>12</Size></Graphic></PointSymbolizer>
      </Rule>
      <Rule>
        <Name>confirme_ouvert</Name>
        <Title>Confirmée ou ouverte</Title>
        <ElseFilter/>
        <PointSymbolizer><Graphic><Mark><WellKnownName>star</WellKnownName><Fill><CssParameter name="fill">#6a3d9a</CssParameter></Fill><Stroke><CssParameter name="stroke">#ffffff</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></Mark><Size>12</Size></Graphic></PointSymbolizer>
      </Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
      <Rule>
        <Name>porteur</Name>
        <Title>Porteur</Title>
        <MaxScaleDenominator>300000</MaxScaleDenominator>
        <TextSymbolizer><Label><ogc:PropertyName>porteur</ogc:PropertyName></Label><Font><CssParameter name="font-family">SansSerif</CssParameter><CssParameter name="font-size">10</CssParameter><CssParameter name="font-weight">normal</CssParameter></Font><LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0</AnchorPointX><AnchorPointY>0.5</AnchorPointY></AnchorPoint><Displacement><DisplacementX>8</DisplacementX><DisplacementY>0</DisplacementY></Displacement></PointPlacement></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter><CssParameter name="fill-opacity">0.85</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#3f007d</CssParameter></Fill></TextSymbolizer>
      </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
